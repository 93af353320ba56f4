using TerritoryBot.Cli;

return await CliApp.RunAsync(args);
