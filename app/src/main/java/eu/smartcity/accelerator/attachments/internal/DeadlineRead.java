package eu.smartcity.accelerator.attachments.internal;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The uploaded bytes as PDFBox reads them, with the deadline checked on every read and seek: whatever PDFBox
 * parses or decodes (views of streams read through here too), it stops once the inspection's time is up.
 */
public final class DeadlineRead implements RandomAccessRead {

    private final RandomAccessReadBuffer bytes;
    private final Deadline deadline;

    public DeadlineRead(byte[] content, Deadline deadline) {
        this.bytes = new RandomAccessReadBuffer(content);
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        deadline.check();
        return bytes.read();
    }

    @Override
    public int read(byte[] b, int offset, int length) throws IOException {
        deadline.check();
        return bytes.read(b, offset, length);
    }

    @Override
    public long getPosition() throws IOException {
        return bytes.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        deadline.check();
        bytes.seek(position);
    }

    @Override
    public long length() throws IOException {
        return bytes.length();
    }

    @Override
    public boolean isClosed() {
        return bytes.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
        return bytes.isEOF();
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        // reads of the view come back through this object, so they are bounded too
        return new RandomAccessReadView(this, startPosition, streamLength);
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
