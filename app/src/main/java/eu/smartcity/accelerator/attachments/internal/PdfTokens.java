package eu.smartcity.accelerator.attachments.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal PDF lexer over raw bytes: names (with {@code #xx} escapes decoded), strings (literal and hex),
 * keywords and numbers, and the nesting of dictionaries and arrays. Enough to find what a reader would act
 * on, without trusting the file's cross-reference table.
 */
final class PdfTokens {

    enum Kind { NAME, STRING, KEYWORD, OPEN_DICT, CLOSE_DICT, OPEN_ARRAY, CLOSE_ARRAY, END }

    private final byte[] bytes;
    private final int end;
    private int position;
    Kind kind;
    String text;
    byte[] string;

    PdfTokens(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    int position() {
        return position;
    }

    Kind next() {
        while (position < end) {
            int c = bytes[position] & 0xff;
            if (whitespace(c)) {
                position++;
            } else if (c == '%') {
                while (position < end && bytes[position] != '\n' && bytes[position] != '\r') {
                    position++;
                }
            } else {
                return token(c);
            }
        }
        return kind = Kind.END;
    }

    private Kind token(int c) {
        switch (c) {
            case '/' -> {
                position++;
                text = name();
                return kind = Kind.NAME;
            }
            case '(' -> {
                string = literalString();
                return kind = Kind.STRING;
            }
            case '<' -> {
                if (position + 1 < end && bytes[position + 1] == '<') {
                    position += 2;
                    return kind = Kind.OPEN_DICT;
                }
                string = hexString();
                return kind = Kind.STRING;
            }
            case '>' -> {
                position += position + 1 < end && bytes[position + 1] == '>' ? 2 : 1;
                return kind = Kind.CLOSE_DICT;
            }
            case '[' -> {
                position++;
                return kind = Kind.OPEN_ARRAY;
            }
            case ']' -> {
                position++;
                return kind = Kind.CLOSE_ARRAY;
            }
            default -> {
                int start = position;
                while (position < end && regular(bytes[position] & 0xff)) {
                    position++;
                }
                if (position == start) {
                    position++; // a stray delimiter such as { or ) : skip it
                }
                text = new String(bytes, start, position - start, StandardCharsets.ISO_8859_1);
                return kind = Kind.KEYWORD;
            }
        }
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        while (position < end && regular(bytes[position] & 0xff)) {
            int c = bytes[position] & 0xff;
            if (c == '#' && position + 2 < end && hex(bytes[position + 1]) >= 0 && hex(bytes[position + 2]) >= 0) {
                name.append((char) (hex(bytes[position + 1]) * 16 + hex(bytes[position + 2])));
                position += 3;
            } else {
                name.append((char) c);
                position++;
            }
        }
        return name.toString();
    }

    private byte[] literalString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int depth = 0;
        position++;
        while (position < end) {
            int c = bytes[position++] & 0xff;
            if (c == '\\' && position < end) {
                int e = bytes[position++] & 0xff;
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case '\r', '\n' -> { } // line continuation
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int value = e - '0';
                            for (int i = 0; i < 2 && position < end && bytes[position] >= '0' && bytes[position] <= '7'; i++) {
                                value = value * 8 + bytes[position++] - '0';
                            }
                            out.write(value & 0xff);
                        } else {
                            out.write(e);
                        }
                    }
                }
            } else if (c == '(') {
                depth++;
                out.write(c);
            } else if (c == ')') {
                if (depth-- == 0) {
                    break;
                }
                out.write(c);
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private byte[] hexString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        position++;
        int high = -1;
        while (position < end && bytes[position] != '>') {
            int digit = hex(bytes[position++]);
            if (digit >= 0) {
                if (high < 0) {
                    high = digit;
                } else {
                    out.write(high * 16 + digit);
                    high = -1;
                }
            }
        }
        if (high >= 0) {
            out.write(high * 16);
        }
        position++;
        return out.toByteArray();
    }

    static boolean whitespace(int c) {
        return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
    }

    static boolean regular(int c) {
        return !whitespace(c) && "()<>[]{}/%".indexOf(c) < 0;
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
