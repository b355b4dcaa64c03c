package org.ferry.exportworker.export;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.ferry.boot.RegistryProperties;
import org.ferry.contract.ExportRequested;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.ImageRef;
import org.ferry.image.NamespacePolicy;
import org.ferry.metrics.FerryMeters;
import org.ferry.nas.NasLayout;
import org.ferry.operation.Progress;
import org.ferry.work.Outcome;
import org.springframework.stereotype.Service;

/**
 * Exports a registry image of the team or of {@code common} to {@code
 * <team>/exported-images/<name>.tar.gz}, an archive {@code docker load -i} accepts, with its {@code
 * .sha256} beside it. Nobody ever sees a partial archive under the final name, and a failed export
 * leaves no file behind.
 */
@Service
class ExportImage {

  private final ExportEngine engine;
  private final NasLayout nas;
  private final String registry;
  private final MeterRegistry meters;

  ExportImage(
      ExportEngine engine, NasLayout nas, RegistryProperties registry, MeterRegistry meters) {
    this.engine = engine;
    this.nas = nas;
    this.registry = registry.address();
    this.meters = meters;
  }

  Outcome export(ExportRequested request, Progress progress) {
    var source = new ImageRef(registry, request.sourceNamespace(), request.image(), request.tag());
    var action = "export " + source.shortName();
    if (!NamespacePolicy.mayRead(request.team(), request.sourceNamespace())) {
      throw new PermanentFailure(
          action,
          "images of other teams cannot be exported",
          "Export one of your team's images or a common one.",
          ReasonCodes.FORBIDDEN);
    }
    var name = NasLayout.exportFileName(request.exportName());
    var shown = request.team() + "/" + NasLayout.EXPORTED_IMAGES + "/" + name;
    try (var folder = ExportFolder.open(nas, request.team())) {
      // Checked before downloading, so a user learns of a taken name at once.
      var replaces = folder.exists(name);
      refuseExisting(replaces, request, action, shown);
      try (var staged = StagedExport.create(folder, name)) {
        var image = engine.write(source, staged.stream(), progress);
        // Again: another export of the same name may have finished while this one downloaded.
        replaces = folder.exists(name);
        refuseExisting(replaces, request, action, shown);
        var published = staged.publish();
        FerryMeters.bytesWritten(meters, request.kind()).increment(published.size());
        return outcome(source, image, published, shown, name, replaces);
      }
    } catch (IOException e) {
      throw writeFailure(e, request, action);
    }
  }

  private static void refuseExisting(
      boolean exists, ExportRequested request, String action, String shown) {
    if (exists && !request.overwrite()) {
      throw new PermanentFailure(
          action,
          shown + " already exists",
          "Choose another export name or ask to overwrite it.",
          ReasonCodes.CONFLICT);
    }
  }

  private static Outcome outcome(
      ImageRef source,
      ExportedImage image,
      StagedExport.Published published,
      String shown,
      String name,
      boolean replaced) {
    var message =
        "Exported "
            + source.shortName()
            + " to "
            + shown
            + " ("
            + published.size()
            + " bytes, sha256 "
            + published.sha256()
            + (replaced ? "; it replaced the earlier export" : "")
            + "). docker load -i loads it as "
            + image.loadsAs()
            + ".";
    var result = new LinkedHashMap<String, String>();
    result.put("path", NasLayout.EXPORTED_IMAGES + "/" + name);
    result.put("size", Long.toString(published.size()));
    result.put("sha256", published.sha256());
    result.put("reference", source.toString());
    result.put("digest", image.digest().value());
    result.put("loadsAs", image.loadsAs());
    return new Outcome(message, result);
  }

  /** A full disk or quota is the team's to fix; any other write error may pass. */
  private static RuntimeException writeFailure(
      IOException e, ExportRequested request, String action) {
    var folder = request.team() + "/" + NasLayout.EXPORTED_IMAGES;
    if (isNoSpace(e)) {
      return new PermanentFailure(
          action,
          "the team's NAS folder is full",
          "Free space in " + folder + " and try again.",
          ReasonCodes.NO_SPACE,
          e);
    }
    return new TransientFailure(
        action,
        "writing to " + folder + " failed (" + e.getMessage() + ")",
        "Try again; tell the operators if it persists.",
        e);
  }

  private static boolean isNoSpace(Throwable e) {
    for (var cause = e; cause != null; cause = cause.getCause()) {
      var message = String.valueOf(cause.getMessage());
      if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
        return true;
      }
    }
    return false;
  }
}
