package org.involve.local;

/** Where to look once the runtime is up. */
final class Banner {
    private Banner() {}

    static String text(LocalRuntime runtime) {
        String site = "http://localhost:" + runtime.httpPort();
        StringBuilder b = new StringBuilder("\n");
        b.append("  Involve is running on this machine (Ctrl-C stops it)\n\n");
        b.append("  Site        ").append(site).append("/roles\n");
        b.append("  Staff       ")
                .append(site)
                .append("/staff/sign-in   (sign in as one of the local people)\n");
        b.append("  E-mails     ")
                .append(runtime.ses().endpoint())
                .append("   (every e-mail sent, as the SES emulator received it)\n");
        b.append("  DynamoDB    ")
                .append(runtime.dynamoDb().endpoint())
                .append("   aws dynamodb scan --endpoint-url ")
                .append(runtime.dynamoDb().endpoint())
                .append(" --table-name ApplicationsTable\n");
        b.append("  SQS         ")
                .append(runtime.sqs().endpoint())
                .append("   aws sqs list-queues --endpoint-url ")
                .append(runtime.sqs().endpoint())
                .append('\n');
        b.append("  S3          ")
                .append(runtime.s3().endpoint())
                .append("   aws s3 ls --endpoint-url ")
                .append(runtime.s3().endpoint())
                .append('\n');
        b.append("\n  Routes (from template.yaml)\n");
        runtime.routeKeys().forEach(r -> b.append("    ").append(r).append('\n'));
        b.append("\n  Schedules   GET ").append(site).append("/_local/schedules\n");
        runtime.schedules()
                .jobs()
                .forEach(
                        j ->
                                b.append("    ")
                                        .append(j.function().name())
                                        .append("  ")
                                        .append(j.event().expression())
                                        .append(' ')
                                        .append(j.event().timezone())
                                        .append("   fire now: curl -X POST ")
                                        .append(site)
                                        .append("/_local/schedules/")
                                        .append(j.function().name())
                                        .append('\n'));
        return b.toString();
    }
}
