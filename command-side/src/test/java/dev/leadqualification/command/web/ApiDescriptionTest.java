package dev.leadqualification.command.web;

import dev.leadqualification.command.CommandSideTest;
import dev.leadqualification.platform.testing.CommittedApiDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The served OpenAPI description, without credentials, is the one committed at openapi/command-side.json. */
@AutoConfigureMockMvc
class ApiDescriptionTest extends CommandSideTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void theCommittedDescriptionIsTheServedOne() throws Exception {
        String served = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        CommittedApiDescription.of("command-side").check(served);
    }

    @Test
    void swaggerUiAnswersWithoutCredentials() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
