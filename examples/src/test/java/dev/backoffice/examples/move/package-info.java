/** Issue #20 item 2: moving a tenant online between databases, tested with every module. */
package dev.backoffice.examples.move;
