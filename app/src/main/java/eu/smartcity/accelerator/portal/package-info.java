/** The server-rendered portal shell: layout, home page, login page. Feature pages live in their features' web packages. */
package eu.smartcity.accelerator.portal;
