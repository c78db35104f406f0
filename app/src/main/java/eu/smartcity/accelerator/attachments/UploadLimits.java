package eu.smartcity.accelerator.attachments;

import java.time.Duration;

/**
 * The hard bounds under which an uploaded PDF is inspected (README "Uploads" explains each value and its
 * property {@code accelerator.uploads.*}). Every bound is checked while the work happens, so crossing one
 * stops the work: nothing is decompressed past a limit, and nothing keeps running after the deadline.
 *
 * @param maxFileBytes         largest accepted upload
 * @param maxStreamBytes       largest decompressed size of one stream (counted, not kept)
 * @param maxHeldStreamBytes   largest decompressed object stream, xref stream or intermediate filter result (these are kept in memory)
 * @param maxTotalBytes        largest decompressed size of all streams together
 * @param maxRatio             largest decompressed/compressed ratio of a stream ...
 * @param ratioFloorBytes      ... once it has produced this much (small repetitive streams are normal)
 * @param maxObjects           most objects (top-level plus those inside object streams)
 * @param maxNesting           deepest nesting of dictionaries and arrays
 * @param maxImagePixels       largest image a reader would have to decode (width × height)
 * @param parseMemoryBytes     PDFBox stream cache (main memory only)
 * @param timeout              wall time of one inspection
 * @param concurrentInspections inspections running at once (the rest wait, then are told to try again)
 * @param queueWait            how long an upload waits for an inspection slot
 */
public record UploadLimits(long maxFileBytes, long maxStreamBytes, long maxHeldStreamBytes, long maxTotalBytes, int maxRatio,
        long ratioFloorBytes, int maxObjects, int maxNesting, long maxImagePixels, long parseMemoryBytes, Duration timeout, int concurrentInspections,
        Duration queueWait) {

    private static final long MB = 1024L * 1024;

    /** The defaults of application.yml, for tests that change one bound. */
    public static UploadLimits defaults() {
        return new UploadLimits(10 * MB, 64 * MB, 16 * MB, 256 * MB, 200, MB, 100_000, 64, 100_000_000L, 64 * MB, Duration.ofSeconds(10), 2,
                Duration.ofSeconds(2));
    }

    public UploadLimits withMaxFileBytes(long bytes) {
        return new UploadLimits(bytes, maxStreamBytes, maxHeldStreamBytes, maxTotalBytes, maxRatio, ratioFloorBytes, maxObjects,
                maxNesting, maxImagePixels, parseMemoryBytes, timeout, concurrentInspections, queueWait);
    }

    public UploadLimits withMaxStreamBytes(long bytes) {
        return new UploadLimits(maxFileBytes, bytes, maxHeldStreamBytes, maxTotalBytes, maxRatio, ratioFloorBytes, maxObjects,
                maxNesting, maxImagePixels, parseMemoryBytes, timeout, concurrentInspections, queueWait);
    }

    public UploadLimits withMaxObjects(int objects) {
        return new UploadLimits(maxFileBytes, maxStreamBytes, maxHeldStreamBytes, maxTotalBytes, maxRatio, ratioFloorBytes, objects,
                maxNesting, maxImagePixels, parseMemoryBytes, timeout, concurrentInspections, queueWait);
    }

    public UploadLimits withTimeout(Duration wallTime) {
        return new UploadLimits(maxFileBytes, maxStreamBytes, maxHeldStreamBytes, maxTotalBytes, maxRatio, ratioFloorBytes, maxObjects,
                maxNesting, maxImagePixels, parseMemoryBytes, wallTime, concurrentInspections, queueWait);
    }

    public UploadLimits withConcurrency(int inspections, Duration wait) {
        return new UploadLimits(maxFileBytes, maxStreamBytes, maxHeldStreamBytes, maxTotalBytes, maxRatio, ratioFloorBytes, maxObjects,
                maxNesting, maxImagePixels, parseMemoryBytes, timeout, inspections, wait);
    }

    /** A bound in whole megabytes, as messages show it. */
    public static long megabytes(long bytes) {
        return Math.max(1, bytes / MB);
    }
}
