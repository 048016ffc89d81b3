/**
 * Immutable, validated state-machine definitions built once by a fluent builder, with a
 * stateless, allocation-light {@code fire}; export to Mermaid and Graphviz DOT.
 */
package dev.backoffice.statemachine;
