/**
 * State-machine benchmarks against Spring Statemachine, squirrel-foundation and COLA.
 */
package dev.backoffice.examples.bench.statemachine;
