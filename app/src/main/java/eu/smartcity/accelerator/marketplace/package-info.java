/**
 * The marketplace: the solution catalogue kept by suppliers, guided search (full text, facets and the
 * {@code solution-matching} decision), implementations with their evaluations and cities' reviews,
 * framework contracts and joining them ({@code framework-join}), the contract document library,
 * replication from an implementation, and aggregated demand for suppliers.
 */
package eu.smartcity.accelerator.marketplace;
