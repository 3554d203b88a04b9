package org.involve.core.role;

/** Pence shown the way a UK reader expects: £150 or £7.50. */
public final class Money {
    private Money() {}

    public static String pounds(long pence) {
        long whole = pence / 100, part = Math.abs(pence % 100);
        return part == 0 ? "£" + whole : String.format("£%d.%02d", whole, part);
    }
}
