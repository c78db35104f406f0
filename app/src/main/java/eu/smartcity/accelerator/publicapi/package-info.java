/** The public JSON API's common ground: OpenAPI description, rate limit, errors as RFC 9457 problem details. */
package eu.smartcity.accelerator.publicapi;
