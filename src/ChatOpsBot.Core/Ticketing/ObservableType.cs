namespace ChatOpsBot.Core.Ticketing;

/// <summary>What an observable recorded on a ticket is (TheHive's data types of the same names).</summary>
public enum ObservableType
{
    /// <summary>An IP address (IPv4 or IPv6).</summary>
    Ip,
    /// <summary>A host name.</summary>
    Hostname,
    /// <summary>A file hash (hex).</summary>
    Hash,
    /// <summary>A URL.</summary>
    Url,
    /// <summary>A mail address.</summary>
    Mail,
}
