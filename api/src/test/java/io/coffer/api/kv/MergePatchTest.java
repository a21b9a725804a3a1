package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7396 appendix A, plus the non-mutation contract. */
class MergePatchTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'a':'b'}|{'a':'c'}|{'a':'c'}",
        "{'a':'b'}|{'b':'c'}|{'a':'b','b':'c'}",
        "{'a':'b'}|{'a':null}|{}",
        "{'a':'b','b':'c'}|{'a':null}|{'b':'c'}",
        "{'a':['b']}|{'a':'c'}|{'a':'c'}",
        "{'a':'c'}|{'a':['b']}|{'a':['b']}",
        "{'a':{'b':'c'}}|{'a':{'b':'d','c':null}}|{'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}|{'a':[1]}|{'a':[1]}",
        "['a','b']|['c','d']|['c','d']",
        "{'a':'b'}|['c']|['c']",
        "{'a':'foo'}|null|null",
        "{'a':'foo'}|'bar'|'bar'",
        "{'e':null}|{'a':1}|{'e':null,'a':1}",
        "[1,2]|{'a':'b','c':null}|{'a':'b'}",
        "{}|{'a':{'bb':{'ccc':null}}}|{'a':{'bb':{}}}"
    })
    void appliesRfc7396(String target, String patch, String expected) {
        JsonNode result = MergePatch.apply(KvFixture.json(target), KvFixture.json(patch));
        assertThat(result).isEqualTo(KvFixture.json(expected));
    }

    @Test
    void leavesItsInputsUntouched() {
        JsonNode target = KvFixture.json("{'a':{'b':1},'c':2}");
        JsonNode patch = KvFixture.json("{'a':{'b':null},'c':null}");
        MergePatch.apply(target, patch);
        assertThat(target).isEqualTo(KvFixture.json("{'a':{'b':1},'c':2}"));
        assertThat(patch).isEqualTo(KvFixture.json("{'a':{'b':null},'c':null}"));
    }
}
