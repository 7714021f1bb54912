package io.serverlessspring.boot.architecture.cyclic.first;

import io.serverlessspring.boot.architecture.cyclic.second.Second;

/** Half of a deliberate package cycle, for {@code PackageCyclesTest} to catch. */
public class First {

	Second second;

}
