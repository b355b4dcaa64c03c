/**
 * The registry's JSON as typed records: manifests, indexes, image configs, tag lists, the catalog,
 * error bodies and token answers. Readers ignore fields they do not know.
 */
package org.ferry.registry.json;
