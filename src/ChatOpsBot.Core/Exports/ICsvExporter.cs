namespace ChatOpsBot.Core.Exports;

/// <summary>
/// Port: writes CSV files the bot attaches to tickets and chat. Implementations must neutralise spreadsheet
/// formula injection (cells starting with <c>= + - @</c>, tab or CR) because cells carry outside text.
/// </summary>
public interface ICsvExporter
{
    /// <summary>UTF-8 CSV bytes (RFC 4180 quoting) with a header row.</summary>
    byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows);
}
