package io.inkwell.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body the gateway lets through (413 above it)
 */
@ConfigurationProperties("inkwell.gateway")
public record GatewaySettings(@DefaultValue("1MB") DataSize maxRequestSize) {}
