package org.ferry.testing.cyclefixture.b;

/** The other half of a package cycle. */
public class B {
  org.ferry.testing.cyclefixture.a.A a;
}
