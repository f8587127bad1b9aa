package dev.leadqualification.query.readmodel;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentBytesTest {

    @Test
    void computesTheDecodedLengthOfBase64Text() {
        for (int length = 0; length < 10; length++) {
            String encoded = Base64.getEncoder().encodeToString(new byte[length]);
            assertThat(AttachmentBytes.decodedLength(encoded)).as(encoded).isEqualTo(length);
            String unpadded = Base64.getEncoder().withoutPadding().encodeToString(new byte[length]);
            assertThat(AttachmentBytes.decodedLength(unpadded)).as(unpadded).isEqualTo(length);
        }
    }
}
