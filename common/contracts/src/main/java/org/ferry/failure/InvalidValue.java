package org.ferry.failure;

/** Input that breaks a naming or format rule; names the field and the rule so a user can fix it. */
public final class InvalidValue extends PermanentFailure {

  private final String field;
  private final String rule;

  public InvalidValue(String field, String value, String rule) {
    super(
        "accept " + field + " '" + printable(value) + "'",
        "it breaks the rule: " + rule,
        "Change the " + field + " so that it follows the rule.",
        ReasonCodes.INVALID_INPUT);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }

  private static String printable(String value) {
    if (value == null) {
      return "";
    }
    var shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
