package io.serverlessspring.boot.architecture.cyclic.second;

import io.serverlessspring.boot.architecture.cyclic.first.First;

/** The other half of the deliberate package cycle. */
public class Second {

	First first;

}
