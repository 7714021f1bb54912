/**
 * Progress of long work (the Maven build, uploads, waits for AWS): a live line drawn by the
 * progressbar library on a terminal, plain one-line milestones anywhere else.
 */
package io.serverlessspring.shell.progress;
