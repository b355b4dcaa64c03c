package org.ferry.testing.cyclefixture.a;

/** Half of a package cycle, for the rule that must catch it. */
public class A {
  org.ferry.testing.cyclefixture.b.B b;
}
