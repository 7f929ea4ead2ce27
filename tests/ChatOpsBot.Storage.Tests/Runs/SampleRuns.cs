using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Ticketing;

namespace ChatOpsBot.Storage.Tests.Runs;

/// <summary>Runs with many nested fields filled in.</summary>
internal static class SampleRuns
{
    public static PlaybookRun InValidation(string id, DateTimeOffset at)
    {
        var run = new PlaybookRun
        {
            Id = id,
            CreatedAt = at,
            UpdatedAt = at,
            State = RunState.AwaitingAnswer,
            Settings = new RunSettings
            {
                Feed = "samples/feed.csv",
                WindowFrom = at.AddDays(-1),
                WindowTo = at,
                Channel = "slack",
                ChannelAddress = "C012345",
                StartedBy = "U-ana",
            },
            Hunt = new HuntProgress { State = nameof(HuntState.Completed), IndicatorCount = 42, InvalidLineCount = 1, RecordsScanned = 123_456 },
            Validation = new ValidationProgress { State = nameof(ValidationState.AwaitingVerdict), CurrentIp = "203.0.113.7" },
            Ticket = new TicketRef("INC-000007", "https://tickets.example/INC-000007"),
            PromptSequence = 3,
            VisitedSections = ["Hunt", "Validation"],
        };
        run.Hits.Add(new HitRecord
        {
            Host = "ws-017", RemoteIp = "203.0.113.7", FirstSeen = at.AddHours(-5), LastSeen = at.AddHours(-1),
            Connections = 17, Bytes = 90_210, Direction = HitDirection.Outbound, Origin = HitOrigin.Hunt,
        });
        run.RemoteIps.Add(new RemoteIpCase { Ip = "203.0.113.7", Origin = HitOrigin.Hunt, Status = IpVerdictStatus.Pending });
        run.Hosts.Add(new CompromisedHost { Host = "ws-017", RemoteIps = ["203.0.113.7"], User = "jdoe", Email = "jdoe@example.org" });
        run.Timeline.Add(new TimelineEntry
        {
            At = at.AddMinutes(1), Kind = TimelineEntryKind.Transition, Section = "Hunt",
            Value = "QueryingSiem → PostingFindings via QueryCompleted",
        });
        run.Timeline.Add(new TimelineEntry
        {
            At = at.AddMinutes(2), Kind = TimelineEntryKind.PromptOpened, Section = "Validation",
            PromptId = $"{id}/p3", Prompt = "Is 203.0.113.7 malware C2?", Value = "", Automatic = true,
        });
        run.ClosedPrompts.Add(new ClosedPrompt { Id = $"{id}/p2", Title = "Open a ticket?", Answer = "Yes", AnsweredBy = "ana", At = at });
        run.Prompt = new Prompt
        {
            Id = $"{id}/p3",
            RunId = id,
            Section = PlaybookSection.Validation,
            Kind = PromptKind.Choice,
            Title = "Is 203.0.113.7 malware C2?",
            Text = "Intel says malicious.",
            Facts = [new Fact("Verdict", "malicious <b>"), new Fact("Pulses", "3")],
            Options =
            [
                new PromptOption("ConfirmMalware", "Malware", OptionStyle.Danger, RequiresApprover: true, RequiredApprovals: 2),
                new PromptOption("Dismiss", "Not malicious"),
            ],
            Input = new TextInputRule("Reason", "^.{3,}$", "At least three characters.", "why?", 200),
            Suggestion = "ConfirmMalware",
            OpenedAt = at.AddMinutes(2),
            Approvals = [new Approval("ConfirmMalware", new Actor("U-ana", "Ana", IsApprover: true), at.AddMinutes(3))],
            LastError = "too short",
        };
        return run;
    }
}
