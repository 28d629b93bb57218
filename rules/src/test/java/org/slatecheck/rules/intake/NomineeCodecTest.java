package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.model.Nominee;

/** Every nominee of the shipped sample survives the spill codec with every property equal. */
class NomineeCodecTest {

    @Test
    void sampleNomineesRoundTrip() throws Exception {
        Path samples = Path.of("..", "data", "samples");
        List<CongressList> read = Intake.read(new Intake.Input("congresses.csv",
                Files.readAllBytes(samples.resolve("congresses.csv"))), new Intake.Input("nominees.csv",
                Files.readAllBytes(samples.resolve("nominees.csv"))), org.slatecheck.rules.engine.RuleSetSnapshot.shipped()).lists();
        List<Nominee> nominees = new ArrayList<>();
        read.forEach(l -> nominees.addAll(l.nominees()));
        assertThat(nominees).hasSize(82);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Nominee n : nominees) {
                NomineeCodec.write(out, n);
            }
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        int compared = 0;
        for (Nominee n : nominees) {
            Nominee back = NomineeCodec.read(in);
            for (Method m : Nominee.class.getMethods()) {
                if (m.getParameterCount() == 0 && (m.getName().startsWith("get") || m.getName().startsWith("is"))
                        && m.getDeclaringClass() == Nominee.class) {
                    assertThat(m.invoke(back)).as(n + " " + m.getName()).isEqualTo(m.invoke(n));
                    compared++;
                }
            }
        }
        assertThat(in.available()).isZero();
        assertThat(compared).isGreaterThan(82 * 25);
    }
}
