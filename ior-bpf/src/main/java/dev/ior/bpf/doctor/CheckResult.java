package dev.ior.bpf.doctor;

import dev.ior.bpf.check.PreflightException;
import dev.ior.bpf.check.PreflightException.Requirement;

/**
 * The outcome of one of {@link Doctor}'s checks.
 *
 * @param requirement what was checked
 * @param status      how it went
 * @param finding     what was found (on failure: what is wrong)
 * @param fix         what to do about a failure or warning; "" otherwise
 */
public record CheckResult(Requirement requirement, Status status, String finding, String fix) {

    /** How a check went. Only {@link #FAIL} stops ior from tracing. */
    public enum Status {
        /** The requirement is met. */
        OK,
        /** Not what ior would like, but it can trace. */
        WARN,
        /** ior cannot trace until this is fixed. */
        FAIL,
        /** Not checked: a requirement it rests on failed, or the host would not say. */
        SKIPPED
    }

    static CheckResult ok(Requirement requirement, String finding) {
        return new CheckResult(requirement, Status.OK, finding, "");
    }

    static CheckResult warn(Requirement requirement, String finding, String fix) {
        return new CheckResult(requirement, Status.WARN, finding, fix);
    }

    static CheckResult fail(Requirement requirement, String finding, String fix) {
        return new CheckResult(requirement, Status.FAIL, finding, fix);
    }

    static CheckResult fail(PreflightException e) {
        return fail(e.requirement(), e.problem(), e.fix());
    }

    static CheckResult skipped(Requirement requirement, String why) {
        return new CheckResult(requirement, Status.SKIPPED, why, "");
    }

    /** Whether ior cannot trace because of this. */
    public boolean failed() {
        return status == Status.FAIL;
    }
}
