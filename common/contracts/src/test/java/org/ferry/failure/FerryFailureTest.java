package org.ferry.failure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FerryFailureTest {

  @Test
  void readsCouldNotActionReasonRemedy() {
    var failure =
        new PermanentFailure(
            "push hello.tar.gz",
            "the archive is empty",
            "Save the image again.",
            ReasonCodes.BAD_ARCHIVE);

    assertThat(failure.getMessage())
        .isEqualTo("Could not push hello.tar.gz: the archive is empty. Save the image again.");
    assertThat(failure.reasonCode()).isEqualTo("bad-archive");
  }

  @Test
  void invalidValueNamesTheFieldAndTheRule() {
    var failure = new InvalidValue("image name", "Hello", "lowercase only");

    assertThat(failure.field()).isEqualTo("image name");
    assertThat(failure.getMessage())
        .isEqualTo(
            "Could not accept image name 'Hello': it breaks the rule: lowercase only."
                + " Change the image name so that it follows the rule.");
  }

  @Test
  void hidesControlCharactersOfTheOffendingValue() {
    var failure = new InvalidValue("tag", "a\nb", "rule");

    assertThat(failure.getMessage()).contains("'a?b'");
  }
}
