package eu.smartcity.accelerator.marketplace.internal;

import eu.smartcity.accelerator.marketplace.catalogue.Catalogue;
import eu.smartcity.accelerator.shared.DemoData;
import eu.smartcity.accelerator.marketplace.prospection.Demand;
import eu.smartcity.accelerator.marketplace.frameworks.Framework;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.library.Library;
import eu.smartcity.accelerator.marketplace.catalogue.Solution;
import eu.smartcity.accelerator.marketplace.catalogue.Solutions;
import static eu.smartcity.accelerator.marketplace.MarketplaceVocabulary.DOMAINS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marketplace demo content (default profile, once, on an empty catalogue): 55 solutions over every
 * domain from six suppliers, implementations with reviews in several cities, three framework
 * contracts (one expired), shared contract documents and some counted demand. Runs before
 * {@code DemoCycle} so that the demo cycle's evaluated pilot lands on GreenGrid's noise monitor.
 */
@Component
@Order(5)
class MarketplaceDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MarketplaceDemoData.class);

    static final List<String> SUPPLIERS = List.of("company-urbansense", "company-parkflow", "company-greengrid",
            "company-civicloop", "company-aquameter", "company-brightways");
    static final List<String> CITIES = List.of("city-mechelen", "city-bruges", "city-delft", "city-saint-quentin");
    private static final String[] STANDARDS = {"NGSI-LD, OASC MIM1 (context information), MIM2 (data models)",
            "OGC SensorThings API, OASC MIM1", "DATEX II, NGSI-LD", "GTFS Realtime, OASC MIM2", "OCPP 2.0.1, OCPI 2.2",
            "NGSI-LD, Smart Data Models, OASC MIM3 (ecosystem transactions)"};
    private static final String[] HOSTING = {"EU (Belgium), ISO 27001 data centre", "EU (Netherlands), sovereign cloud",
            "On the city's own servers", "EU (France), SecNumCloud"};
    private static final String[] LANGUAGES = {"nl, fr, en", "nl, en", "fr, en", "en, nl, fr, de"};
    /** References a supplier names: cities where the solution runs (a name reads the same in every language). */
    private static final List<String> REFERENCE_CITIES = List.of("Gent", "Leuven", "Lille", "Eindhoven", "Namur", "Utrecht");
    private static final String[] DUTCH_COMMENTS = {"Werkt zoals beloofd; een start-up hergebruikt de open data.",
            "Goed product, maar de installatie duurde langer dan gepland.", "Bewoners merkten het verschil binnen enkele weken.",
            "Nuttig, maar het dashboard is alleen in het Engels."};
    private static final String[] FRENCH_COMMENTS = {"Fonctionne comme promis ; une start-up réutilise les données ouvertes.",
            "Bon produit, mais l’installation a pris plus de temps que prévu.", "Les habitants ont vu la différence en quelques semaines.",
            "Utile, mais le tableau de bord n’existe qu’en anglais."};

    /** Per domain: five solutions (name, one-line description). */
    static final Map<String, String[][]> CONTENT = new LinkedHashMap<>();
    static {
        CONTENT.put("mobility", new String[][] {
                {"Traffic flow dashboard", "Counts cars, bikes and pedestrians at junctions with privacy-preserving cameras and shows the flows live"},
                {"Bike sharing fleet manager", "Rebalances shared bikes overnight using demand forecasts from trip data"},
                {"Bus priority at traffic lights", "Gives late buses a green wave through connected traffic light controllers"},
                {"School street access control", "Closes school streets to cars at drop-off times with number-plate exemptions for residents"},
                {"Multimodal journey planner", "Plans trips across bus, train, shared bikes and walking with open timetable data"}});
        CONTENT.put("parking", new String[][] {
                {"Smart parking sensors", "In-ground sensors report free parking spots to drivers through open parking data"},
                {"Parking guidance signs", "Dynamic signs lead drivers to car parks with free places and cut search traffic"},
                {"Delivery bay booking", "Lets couriers book loading bays in the historic centre by the quarter hour"},
                {"Disabled parking occupancy", "Shows which disabled parking bays are free, with an accessible app"},
                {"Park and ride occupancy", "Counts cars at park and ride sites and publishes occupancy to journey planners"}});
        CONTENT.put("energy", new String[][] {
                {"Public lighting dimming", "Dims street lights when streets are empty and brightens them when people pass"},
                {"Energy monitoring for public buildings", "Meters schools and sports halls every 15 minutes and flags waste"},
                {"Solar roof potential map", "Maps the solar potential of every roof for residents and the city's energy desk"},
                {"Charging point management", "Runs public EV charging points and balances the load on the grid"},
                {"Heat network optimiser", "Plans the supply temperature of district heating from weather forecasts"}});
        CONTENT.put("waste", new String[][] {
                {"Container fill-level sensors", "Ultrasonic sensors measure how full underground containers are"},
                {"Dynamic waste collection routes", "Plans collection rounds on fill-level data so trucks skip empty containers"},
                {"Illegal dumping reports", "Residents photograph dumped waste; crews get the location and a priority"},
                {"Pay-as-you-throw bins", "Weighs household waste per collection for fair, volume-based fees"},
                {"Repair cafe network platform", "Connects residents with repair cafes and counts the waste avoided"}});
        CONTENT.put("environment", new String[][] {
                {"Air quality sensors near schools", "Low-cost sensors measure particulate matter and NO2 at school gates and publish open data"},
                {"Noise monitoring in the city centre", "Measures night-time noise continuously and shares the data with residents"},
                {"Urban heat island mapping", "Maps the hottest streets with mobile sensors to plan trees and shade"},
                {"Tree health monitoring", "Soil moisture sensors tell the parks service which street trees need water"},
                {"Pollen and allergy alerts", "Forecasts pollen levels per neighbourhood and alerts residents who subscribe"}});
        CONTENT.put("public-space", new String[][] {
                {"Crowd counting for events", "Counts visitors at squares and events anonymously to manage crowds safely"},
                {"Smart benches", "Benches with solar charging and environmental sensors in parks and squares"},
                {"Public toilet finder", "Shows open, accessible public toilets with live cleaning status"},
                {"Playground maintenance tracker", "Inspectors log playground defects and follow repairs to the end"},
                {"Market stall allocation", "Allocates weekly market pitches online and shows traders their spot"}});
        CONTENT.put("citizen-participation", new String[][] {
                {"Participation platform for neighbourhood budgets", "Residents propose and vote on small projects for their neighbourhood"},
                {"Digital public consultation", "Consultations on plans with maps, comments and a published summary"},
                {"Report a problem app", "Residents report potholes and broken lights; the city answers and closes the loop"},
                {"Citizen science kit", "Residents measure air and noise at home and share the data openly"},
                {"Youth council app", "Young people follow and vote on the youth council's proposals"}});
        CONTENT.put("water", new String[][] {
                {"Sewer overflow monitoring", "Measures sewer levels and warns before combined sewer overflows"},
                {"Smart water meters", "Reads water meters remotely and detects leaks in homes and public buildings"},
                {"Flood early warning", "Combines river levels and rain radar to warn neighbourhoods at risk"},
                {"Canal water quality buoys", "Floating sensors measure oxygen, temperature and algae in canals"},
                {"Rainwater harvesting planner", "Sizes rain barrels and green roofs per building from rainfall data"}});
        CONTENT.put("safety", new String[][] {
                {"Emergency services dispatch map", "Shares live incident locations between fire, police and ambulance"},
                {"Safe route to school", "Parents and children map safe walking and cycling routes to school"},
                {"Smart lighting for safety", "Brightens lights on request in parks and underpasses at night"},
                {"Crowd safety sensors", "Warns stewards when crowd density at events becomes dangerous"},
                {"Ice and snow gritting planner", "Plans gritting routes from road temperature sensors and forecasts"}});
        CONTENT.put("health", new String[][] {
                {"Heatwave care alerts", "Calls vulnerable residents during heatwaves and alerts care workers"},
                {"Active ageing sensors", "Non-camera sensors help older residents live independently at home"},
                {"Defibrillator network map", "Shows every public defibrillator and alerts trained volunteers"},
                {"Healthy school meals planner", "Plans school meals with local produce and nutrition data"},
                {"Sports facility booking", "Books public sports halls and fields and reports their use"}});
        CONTENT.put("other", new String[][] {
                {"Open data portal", "Publishes the city's datasets with APIs, DCAT-AP metadata and usage statistics"},
                {"Digital twin of the city", "A 3D model of buildings, networks and sensors for planning"},
                {"IoT network as a service", "LoRaWAN network for all city sensors, run and monitored for the city"},
                {"Urban data platform", "Brokers sensor data in NGSI-LD for every city service"},
                {"Procurement marketplace connector", "Publishes the city's tenders as open contracting data"}});
    }

    private final Catalogue catalogue;
    private final Solutions solutions;
    private final FrameworkContracts frameworks;
    private final Library library;
    private final Demand demand;
    private final TransactionTemplate tx;
    private final boolean enabled;

    MarketplaceDemoData(Catalogue catalogue, Solutions solutions, FrameworkContracts frameworks, Library library, Demand demand,
            TransactionTemplate tx, @Value(DemoData.ENABLED) boolean enabled) {
        this.enabled = enabled;
        this.catalogue = catalogue;
        this.solutions = solutions;
        this.frameworks = frameworks;
        this.library = library;
        this.demand = demand;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || solutions.count() > 0) {
            return;
        }
        tx.executeWithoutResult(status -> seed());
    }

    private void seed() {
        List<Solution> listed = new ArrayList<>();
        int n = 0;
        for (String domain : DOMAINS) {
            for (String[] entry : CONTENT.get(domain)) {
                String supplier = SUPPLIERS.get(n % SUPPLIERS.size());
                if (entry[0].startsWith("Noise monitoring")) {
                    supplier = "company-greengrid"; // the demo cycle's evaluated pilot (GreenGrid, noise) lands here
                }
                listed.add(catalogue.register(supplier, new Solution.Facts(entry[0], domain, entry[1] + ".", 5 + n % 5,
                        eu.smartcity.accelerator.marketplace.MarketplaceVocabulary.PRICE_MODELS.get(n % 5), BigDecimal.valueOf(4_000 + (n * 1_733L) % 46_000),
                        (n % 4) * 25_000L, n % 3 == 0, ROUTES[n % ROUTES.length], STANDARDS[n % STANDARDS.length],
                        HOSTING[n % HOSTING.length], "GDPR: processor agreement; " + (n % 2 == 0 ? "no personal data collected"
                                : "personal data pseudonymised, kept 30 days") + ".", LANGUAGES[n % LANGUAGES.length],
                        String.join(", ", REFERENCE_CITIES.subList(0, n % 6 + 1)))));
                n++;
            }
        }
        // implementations outside the accelerator, reviewed by the cities that run them
        for (int i = 0; i < 24; i++) {
            Solution solution = listed.get((i * 7) % listed.size());
            String city = CITIES.get(i % CITIES.size());
            int year = 2019 + i % 6;
            // each city writes its own review in its own language, as it would on the real marketplace
            boolean french = city.equals("city-saint-quentin");
            String summary = french ? "En service à Saint-Quentin depuis " + year
                    : "In gebruik in " + (city.equals("city-bruges") ? "Brugge" : city.equals("city-delft") ? "Delft" : "Mechelen")
                            + " sinds " + year;
            String[] comments = french ? FRENCH_COMMENTS : DUTCH_COMMENTS;
            catalogue.reviewOutside(solution.id(), city, "officer-" + city.substring(5), year, summary, 2 + (i * 3) % 4,
                    comments[(i / CITIES.size()) % comments.length]);
        }
        Solution parking = byName(listed, "Smart parking sensors");
        Solution fillLevel = byName(listed, "Container fill-level sensors");
        Solution air = byName(listed, "Air quality sensors near schools");
        LocalDate today = frameworks.today();
        frameworks.register("city-mechelen", "officer-mechelen", new Framework.Terms("Framework for smart parking sensors 2025-2028",
                "parking", "Sensors, data platform and driver app for on-street parking; any Belgian or Dutch municipality may join.",
                today.minusMonths(6), today.plusYears(3), List.of("Lot 1: in-ground sensors", "Lot 2: parking data platform and app"),
                new java.util.LinkedHashSet<>(List.of(parking.supplierGroup(), "company-urbansense")), Set.of(parking.id()), true, Set.of()),
                List.of(new FrameworkContracts.DocumentDraft("Framework agreement smart parking (Mechelen)",
                        "Framework agreement between the City of Mechelen (contracting authority) and the suppliers of lots 1 and 2.\n"
                                + "Contact: J. Peeters, parking@mechelen.example, +32 15 29 76 54\n"
                                + "Clause 4: other authorities may join by a written request approved by the contracting authority.")));
        frameworks.register("city-delft", "officer-delft", new Framework.Terms("Waste sensors and route planning framework",
                "waste", "Fill-level sensors and dynamic collection routes.", today.minusYears(1), today.plusYears(2),
                List.of("Lot 1: fill-level sensors", "Lot 2: route planning"), Set.of(fillLevel.supplierGroup()), Set.of(fillLevel.id()),
                false, Set.of("city-mechelen", "city-bruges")), List.of());
        frameworks.register("city-bruges", "officer-bruges", new Framework.Terms("Air quality monitoring framework 2021-2024",
                "environment", "Air quality sensors and open data publication. Expired: a new tender is being prepared.",
                today.minusYears(4), today.minusMonths(3), List.of("Lot 1: sensors and data"), Set.of(air.supplierGroup()),
                Set.of(air.id()), true, Set.of()), List.of());
        library.share("Model contract for a smart-city pilot", "template", "other", "city-delft", null, null,
                "Model pilot contract: scope, milestones, data ownership (open data by default), GDPR processor clauses, "
                        + "acceptance of the demo, exit and replication rights for other municipalities.");
        library.share("Data sharing agreement template (NGSI-LD)", "template", "other", "city-mechelen", null, null,
                "Template for sharing sensor data between city and supplier in NGSI-LD: licences (CC BY 4.0), "
                        + "availability, OASC MIMs compliance, retention and deletion.");
        library.share("Pilot contract noise monitoring (Mechelen)", "past-contract", "environment", "city-mechelen", null, null,
                "Pilot contract for noise monitoring in the city centre.\nSigned by: An Janssens, alderman\n"
                        + "Supplier contact: noise@greengrid.example\nPrice: EUR 8,500 for six months of measurements.");
        for (String term : List.of("parking", "parking", "parking", "sensors", "sensors", "air", "air", "waste", "noise", "noise")) {
            demand.count(Demand.TERM, term);
        }
        for (String domain : List.of("parking", "parking", "environment", "environment", "environment", "mobility", "mobility")) {
            demand.count(Demand.GUIDED, domain);
        }
        log.info("Marketplace demo content: {} solutions over {} domains, 3 framework contracts (one expired)", listed.size(), DOMAINS.size());
    }

    private static final String[] ROUTES = {"any", "pre-commercial", "innovation-partnership", "framework", "open-tender"};


    private static Solution byName(List<Solution> listed, String name) {
        return listed.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

}
