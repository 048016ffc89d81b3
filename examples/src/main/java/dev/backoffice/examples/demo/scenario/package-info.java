/**
 * The demo's scenario files: loading, running and checking them.
 */
package dev.backoffice.examples.demo.scenario;
