package io.inkwell.comments.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.OAuthFlow;
import io.swagger.v3.oas.annotations.security.OAuthFlows;
import io.swagger.v3.oas.annotations.security.OAuthScope;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs, shown in the gateway's Swagger UI. Calls go through the
 * gateway; a staff member pastes an access token, an integration gets one by client credentials.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Inkwell comment-service",
            version = "0.1",
            description = "Comments: threads, moderation, the blog's comment settings"),
    servers = @Server(url = "/", description = "through the gateway"),
    security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "integration")})
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "An access token from auth-service; reading and commenting need none.")
@SecurityScheme(
    name = "integration",
    type = SecuritySchemeType.OAUTH2,
    flows =
        @OAuthFlows(
            clientCredentials =
                @OAuthFlow(
                    tokenUrl = "/oauth2/token",
                    scopes = @OAuthScope(name = "api", description = "the Inkwell API"))))
class ApiDocs {}
