package io.coffer.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins how hcl4j 0.9.4 represents blocks, which {@link BlockShapes} relies on, and that every shape ends up as the
 * same flat list of labelled blocks.
 */
class HclShapesTest {

    private static Map<String, Object> hcl(String text) throws Exception {
        return new HCLParser().parse(text);
    }

    @Test
    void hcl4jGivesSingleBlockAsMapAndRepeatedBlocksAsList() throws Exception {
        Map<String, Object> one = hcl("storage \"raft\" {\n retry_join {\n leader_api_addr = \"a\"\n }\n}\n");
        Map<String, Object> two = hcl("storage \"raft\" {\n retry_join {\n leader_api_addr = \"a\"\n }\n"
                + " retry_join {\n leader_api_addr = \"b\"\n }\n}\n");

        assertThat(((Map<?, ?>) ((Map<?, ?>) one.get("storage")).get("raft")).get("retry_join"))
                .isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) ((Map<?, ?>) two.get("storage")).get("raft")).get("retry_join"))
                .isInstanceOf(List.class);
    }

    @Test
    void hcl4jGroupsBlocksWithTheSameLabelAndReadsNumbersAsDoubles() throws Exception {
        Map<String, Object> tree = hcl("listener \"tcp\" {\n address = \"a\"\n}\n"
                + "listener \"tcp\" {\n address = \"b\"\n}\nmax_lease_ttl = 2764800\n");

        assertThat(((Map<?, ?>) tree.get("listener")).get("tcp")).isInstanceOf(List.class);
        assertThat(tree.get("max_lease_ttl")).isEqualTo(2764800.0);
    }

    @Test
    void labelledBlocksFlattenFromEveryShape() throws Exception {
        Map<String, Object> grouped = hcl("listener \"tcp\" {\n address = \"a\"\n}\n"
                + "listener \"tcp\" {\n address = \"b\"\n}\n");
        Object jsonList = List.of(Map.of("tcp", Map.of("address", "a")), Map.of("tcp", Map.of("address", "b")));

        for (Object shape : List.of(grouped.get("listener"), jsonList)) {
            List<LabelledBlock> blocks = BlockShapes.labelled(shape, "listener");
            assertThat(blocks).extracting(LabelledBlock::label).containsExactly("tcp", "tcp");
            assertThat(blocks).extracting(b -> b.body().get("address")).containsExactly("a", "b");
        }
    }

    @Test
    void unlabelledBlockKeepsItsBodyWithNullLabel() throws Exception {
        Map<String, Object> tree = hcl("listener {\n type = \"tcp\"\n tls_disable = true\n}\n");

        List<LabelledBlock> blocks = BlockShapes.labelled(tree.get("listener"), "listener");

        assertThat(blocks).singleElement().satisfies(b -> {
            assertThat(b.label()).isNull();
            assertThat(b.body()).containsEntry("tls_disable", true);
        });
    }

    @Test
    void scalarWhereABlockBelongsIsAnError() {
        assertThatThrownBy(() -> BlockShapes.labelled("tcp", "listener"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listener: expected a block, got \"tcp\"");
    }
}
