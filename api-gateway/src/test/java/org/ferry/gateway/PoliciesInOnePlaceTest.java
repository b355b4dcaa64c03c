package org.ferry.gateway;

import org.ferry.testing.FerryArchitecture;
import org.ferry.testing.OnePlace;
import org.junit.jupiter.api.Test;

/** Each policy and helper this service uses is defined in one main class of the libraries. */
class PoliciesInOnePlaceTest {

  @Test
  void definesEachPolicyAndDigestHelperAndDockerClientConstructionOnce() {
    OnePlace.check(FerryArchitecture.mainClasses("org.ferry"));
  }
}
