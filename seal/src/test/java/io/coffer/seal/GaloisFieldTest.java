package io.coffer.seal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The GF(2^8)/0x11B arithmetic inside {@link Shamir}, checked against FIPS-197 and a table-based reference. */
class GaloisFieldTest {

    @Test
    void multiplicationMatchesFips197Examples() {
        assertThat(Shamir.mul(0x57, 0x83)).isEqualTo(0xC1);
        assertThat(Shamir.mul(0x57, 0x13)).isEqualTo(0xFE);
        assertThat(Shamir.mul(0x57, 0x02)).isEqualTo(0xAE);
        assertThat(Shamir.mul(0x57, 0x04)).isEqualTo(0x47);
    }

    @Test
    void multiplicationMatchesLogExpReferenceForAllPairs() {
        int[] exp = new int[255];
        int[] log = new int[256];
        int value = 1;
        for (int i = 0; i < 255; i++) {
            exp[i] = value;
            log[value] = i;
            value ^= (value << 1) ^ ((value & 0x80) != 0 ? 0x11B : 0); // times 3, the usual generator
        }
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                int expected = a == 0 || b == 0 ? 0 : exp[(log[a] + log[b]) % 255];
                assertThat(Shamir.mul(a, b)).isEqualTo(expected);
            }
        }
    }

    @Test
    void inverseIsAToThe254AndZeroMapsToZero() {
        assertThat(Shamir.inverse(0x53)).isEqualTo(0xCA);
        assertThat(Shamir.inverse(1)).isEqualTo(1);
        assertThat(Shamir.inverse(0)).isZero();
        for (int a = 1; a < 256; a++) {
            assertThat(Shamir.mul(a, Shamir.inverse(a))).as("a=%d", a).isEqualTo(1);
        }
    }

    @Test
    void divisionUndoesMultiplicationAndZeroOverAnythingIsZero() {
        for (int a = 0; a < 256; a++) {
            for (int b = 1; b < 256; b++) {
                assertThat(Shamir.div(Shamir.mul(a, b), b)).isEqualTo(a);
            }
        }
        assertThat(Shamir.div(0, 0x37)).isZero();
    }
}
