package dev.leadqualification.query.admin;

import dev.leadqualification.platform.openapi.ProblemAnswer;
import dev.leadqualification.query.generation.ReadModelRebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * {@code GET /api/admin/projections} and {@code POST /api/admin/projections/replay} (ADMIN, see
 * {@code QueryAuthorizationRules}). How a replay behaves: {@link dev.leadqualification.query.admin}.
 */
@RestController
@RequestMapping(ProjectionAdminController.PATH)
public class ProjectionAdminController {

    static final String PATH = "/api/admin/projections";

    private final ProjectionPositions positions;
    private final ReadModelRebuilds replay;

    public ProjectionAdminController(ProjectionPositions positions, ReadModelRebuilds replay) {
        this.positions = positions;
        this.replay = replay;
    }

    @GetMapping
    public List<ProjectionStatus> projections() {
        return positions.statuses();
    }

    /**
     * 202 once the rebuild of the next generation of the read models has begun (reads go on from the live one), with
     * the statuses and where to follow them.
     */
    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = ReadModelRebuilds.IN_PROGRESS,
            when = "A replay of the projections is in progress. Follow it at GET /api/admin/projections.")
    public ResponseEntity<List<ProjectionStatus>> replay() {
        replay.request();
        return ResponseEntity.accepted().location(URI.create(PATH)).body(positions.statuses());
    }
}
