using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Core.Runs;

/// <summary>
/// Compile-time JSON metadata for the run document. Every store serialises the run after each step, and the
/// reflection serializer spends a large part of a terminal run's start-up building this metadata (issue 7, fixed
/// cost); generated, it is ready at once. Settings mirror <see cref="RunJson.Options"/>: web defaults, enums as names.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = false)]
[JsonSerializable(typeof(PlaybookRun))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
