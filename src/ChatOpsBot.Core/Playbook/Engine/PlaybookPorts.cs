using ChatOpsBot.Core.Assets;
using ChatOpsBot.Core.Exports;
using ChatOpsBot.Core.Feeds;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Mail;
using ChatOpsBot.Core.ShiftLogs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Ticketing;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>The external systems the sections use, gathered so a section's constructor stays short.</summary>
public sealed record PlaybookPorts(
    IIocFeed Feed,
    ISiem Siem,
    IThreatIntel Intel,
    ITicketing Ticketing,
    IMailbox Mailbox,
    IAssetInventory Assets,
    IShiftLog ShiftLog,
    ICsvExporter Csv);
