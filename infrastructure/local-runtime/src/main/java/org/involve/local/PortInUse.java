package org.involve.local;

/** A port the runtime needs is taken: says so plainly, with the setting that moves it. */
final class PortInUse extends RuntimeException {
    PortInUse(int port, String setting) {
        super(
                "Port "
                        + port
                        + " is already in use — is another copy of Involve running? Stop it, or set "
                        + setting
                        + " to another port.");
    }
}
