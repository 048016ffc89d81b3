/**
 * The end-to-end demo program running every module together.
 */
package dev.backoffice.examples.demo;
