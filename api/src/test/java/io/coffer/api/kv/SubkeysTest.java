package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The subkeys structure at each depth limit (Vault's {@code removeValues}). */
class SubkeysTest {

    private static final String SECRET =
            "{'foo':'abc','bar':{'baz':{'qux':1,'e':{}},'n':[1,2]},'empty':{},'nil':null}";

    @ParameterizedTest(name = "depth {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0|{'foo':null,'bar':{'baz':{'qux':null,'e':null},'n':null},'empty':null,'nil':null}",
        "1|{'foo':null,'bar':null,'empty':null,'nil':null}",
        "2|{'foo':null,'bar':{'baz':null,'n':null},'empty':null,'nil':null}",
        "3|{'foo':null,'bar':{'baz':{'qux':null,'e':null},'n':null},'empty':null,'nil':null}",
        "-1|{'foo':null,'bar':null,'empty':null,'nil':null}"
    })
    void keepsKeysDownToTheDepthLimit(long depth, String expected) {
        ObjectNode data = (ObjectNode) KvFixture.json(SECRET);
        assertThat(Subkeys.of(data, depth)).isEqualTo(KvFixture.json(expected));
        assertThat(data).isEqualTo(KvFixture.json(SECRET));
    }
}
