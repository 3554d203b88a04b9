package org.involve.core.payments;

/** How a partner travelled for a mileage claim; each has its own HMRC approved rate. */
public enum Vehicle {
    CAR_OR_VAN,
    MOTORCYCLE,
    BICYCLE;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Vehicle fromSlug(String s) {
        for (Vehicle v : values()) if (v.slug().equals(s)) return v;
        return null;
    }
}
