using QRCoder;

namespace FormFlow.Server.Members;

/// <summary>The credential as a QR code in SVG (scales to any phone screen; medium error correction survives glare).</summary>
internal static class MemberCardQr
{
    public static string Svg(string credential)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(credential, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
