/**
 * Runnable tours of every module, as the READMEs show them.
 */
package dev.backoffice.examples;
