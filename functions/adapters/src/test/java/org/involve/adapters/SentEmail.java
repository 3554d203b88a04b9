package org.involve.adapters;

import java.util.List;

/** An e-mail as the SES emulator received it. */
record SentEmail(String from, List<String> to, String subject, String html, String text) {}
