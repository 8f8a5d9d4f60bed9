package dev.ykmfa.awssim.iam;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** Renders text as a QR-code PNG (zxing computes the matrix; the PNG is drawn here with ImageIO). */
final class QrCodePng {
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;
    private static final int QUIET_ZONE_MODULES = 2;

    private QrCodePng() {
    }

    /**
     * @param text the payload (an otpauth URI — the PNG therefore carries the seed: handle as a secret)
     * @param size width and height in pixels
     * @return PNG bytes
     */
    static byte[] render(String text, int size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the QR code: " + e.getMessage(), e);
        }
        BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                img.setRGB(x, y, m.get(x, y) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
