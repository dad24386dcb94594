package studio.booking.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import studio.booking.api.problem.Problems;
import studio.booking.api.web.Wire;
import studio.booking.query.replay.ProjectionReplay;
import studio.booking.query.replay.ReplayProgress;

import java.net.URI;

/** API.md, Admin: rebuild every projection from the events (R3) while the studio keeps working. Owner only. */
@RestController
@Tag(name = "Admin")
public class ReplayController {

    static final String PATH = "/api/admin/replay";

    private final ProjectionReplay replay;

    public ReplayController(ProjectionReplay replay) {
        this.replay = replay;
    }

    /** Wire shape of the progress. */
    public record ReplayStatus(boolean running, String phase, long processedEvents, long totalEvents,
                               String startedAt, String finishedAt, String error) {

        static ReplayStatus of(ReplayProgress p) {
            return new ReplayStatus(p.running(), p.phase(), p.processedEvents(), p.totalEvents(),
                    Wire.instant(p.startedAt()), Wire.instant(p.finishedAt()), p.error());
        }
    }

    @PostMapping(PATH)
    @Operation(summary = "Start rebuilding every projection from the event store (owner)", responses = {
            @ApiResponse(responseCode = "202", description = "started; follow it with GET " + PATH),
            @ApiResponse(responseCode = "409", description = "a replay is already running, here or on another node")})
    public ResponseEntity<Object> start() {
        return switch (replay.start()) {
            case STARTED -> ResponseEntity.accepted().location(URI.create(PATH))
                    .body(ReplayStatus.of(replay.progress()));
            case ALREADY_RUNNING -> Problems.entity(Problems.problem(HttpStatus.CONFLICT,
                    "A replay is already running"));
            case RUNNING_ON_ANOTHER_NODE -> Problems.entity(Problems.problem(HttpStatus.CONFLICT,
                    "A replay is already running on another node"));
        };
    }

    @GetMapping(PATH)
    @Operation(summary = "Progress of this node's last replay (owner)")
    public ReplayStatus progress() {
        return ReplayStatus.of(replay.progress());
    }
}
