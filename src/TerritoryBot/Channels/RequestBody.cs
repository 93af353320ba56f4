using System.Buffers;

namespace TerritoryBot.Channels;

/// <summary>Reading a channel request's body with a size limit, before anything parses it.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The whole body, or null when it is larger than <paramref name="limit"/>: declared (Content-Length) or actual (a
    /// chunked body declares nothing). Reads from the request pipe, so nothing is buffered beyond the limit.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var body = request.BodyReader;
        while (true)
        {
            var read = await body.ReadAsync(ct);
            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                body.AdvanceTo(buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var bytes = buffer.ToArray();
                body.AdvanceTo(buffer.End);
                return bytes;
            }

            body.AdvanceTo(buffer.Start, buffer.End); // nothing consumed yet: wait for more
        }
    }
}
