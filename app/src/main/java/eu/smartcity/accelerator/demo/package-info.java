/** Demo content for the default profile: a cycle whose challenges stand at every stage, driven through the real processes. */
package eu.smartcity.accelerator.demo;
