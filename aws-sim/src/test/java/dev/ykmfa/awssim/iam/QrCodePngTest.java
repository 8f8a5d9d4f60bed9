package dev.ykmfa.awssim.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.ykmfa.awssim.server.AwsConstants;
import dev.ykmfa.protocol.otp.Base32;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Every QR code aws-sim renders decodes back to its otpauth URI, whatever the seed and the device name. */
public class QrCodePngTest {

    @Property(tries = 300)
    void render_anyOtpauthUri_decodesBackToIt(@ForAll @Size(20) byte[] seed, @ForAll("names") String name)
            throws Exception {
        String uri = "otpauth://totp/" + name + "@123456789012?secret=" + Base32.encode(seed, false);
        assertEquals(uri, decode(QrCodePng.render(uri, AwsConstants.QR_SIZE)));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-")
                .ofMinLength(1).ofMaxLength(64);
    }

    /**
     * Decodes a rendered QR code as a clean image whose whole picture is the code (zxing's PURE_BARCODE mode; its
     * finder-pattern search on such synthetic images misses now and then, which made a decode-based test flaky).
     */
    public static String decode(byte[] png) throws IOException, ReaderException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "QRCodePNG must be a PNG image");
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        LuminanceSource src = new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(src)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
