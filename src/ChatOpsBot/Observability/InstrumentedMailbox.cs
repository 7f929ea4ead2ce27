using ChatOpsBot.Core.Mail;

namespace ChatOpsBot.Observability;

/// <summary>Measures calls to the configured <see cref="IMailbox"/>.</summary>
internal sealed class InstrumentedMailbox(IMailbox inner, ConnectorMetrics metrics) : IMailbox
{
    public Task<IReadOnlyList<MailSummary>> ListRecentAsync(string user, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("mailbox", inner, "list_recent", () => inner.ListRecentAsync(user, since, until, cancellationToken));

    public Task<byte[]> ExportRawAsync(string user, string messageId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("mailbox", inner, "export_raw", () => inner.ExportRawAsync(user, messageId, cancellationToken));
}
