package dev.backoffice.ledger.memory;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Chunked columns behave as plain growing arrays, across the growth of the first chunk and chunk boundaries. */
class ChunksProperties {

    @Property(tries = 50)
    void longsReadBackWhatWasWritten(@ForAll @IntRange(min = 0, max = 3 * Chunks.SIZE + 7) int length,
                                     @ForAll long seed) {
        Chunks.Longs longs = new Chunks.Longs();
        for (int i = 0; i < length; i++) {
            longs.set(i, seed ^ (i * 0x9E3779B97F4A7C15L));
        }
        for (int i = 0; i < length; i++) {
            assertThat(longs.get(i)).isEqualTo(seed ^ (i * 0x9E3779B97F4A7C15L));
        }
    }

    @Property(tries = 50)
    void sparseWritesLandWhereTheyWereWritten(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 100_000) Integer> indexes) {
        Chunks.Refs<String> refs = new Chunks.Refs<>();
        for (int i : indexes) {
            refs.set(i, "v" + i);
        }
        for (int i : indexes) {
            assertThat(refs.get(i)).isEqualTo("v" + i);
        }
    }
}
