/**
 * Time-ordered (UUID v7) id generation for the small id records of every module.
 */
package dev.backoffice.core.id;
